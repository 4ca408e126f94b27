using System.Text;

namespace MakerShop.Shipping.Tests.Webhooks;

/// <summary>
/// Webhook bodies in each provider's documented shape (fulfilment.md §1.1, §1.2, §1.4), written for these tests, with
/// the signatures each provider would send, computed independently of the shop's code (Python's hmac module).
/// </summary>
internal static class ProviderExamples
{
    public const string EasyPostSecret = "sécret";

    /// <summary>HMAC-SHA256 of <see cref="EasyPostEvent"/> keyed with NFKD("sécret"); with NFC it would be db82f65b….</summary>
    public const string EasyPostSignature = "hmac-sha256-hex=9b672ef79df2ca1faa45af089a8792cbd57740c0ac358225564bd475e5cd9ca9";

    public const string EasyPostEvent = """{"id":"evt_3f9a","object":"Event","description":"tracker.updated","mode":"test","previous_attributes":{"status":"in_transit"},"created_at":"2026-03-04T10:15:02Z","updated_at":"2026-03-04T10:15:02Z","result":{"id":"trk_7c21","object":"Tracker","tracking_code":"986578788855","carrier":"FedEx","status":"out_for_delivery","status_detail":"out_for_delivery","updated_at":"2026-03-04T10:15:00Z","public_url":"https://track.example/trk_7c21","tracking_details":[{"object":"TrackingDetail","message":"Picked up","status":"in_transit","status_detail":"arrived_at_facility","datetime":"2026-03-02T19:27:00Z","carrier_code":"PU","tracking_location":{"city":"LYON","state":null,"country":"FR","zip":"69007"}},{"object":"TrackingDetail","message":"On FedEx vehicle for delivery","status":"out_for_delivery","status_detail":"out_for_delivery","datetime":"2026-03-04T08:02:00Z","carrier_code":"OD","tracking_location":{"city":"NEW YORK","state":"NY","country":"US","zip":"10001"}}]}}""";

    public const string AfterShipSecret = "as-secret-1";

    public const string AfterShipSignature = "0CNMPHReMrdHTOpaZ8N6fezUW60Kq5IGoRm1RZmwuWg=";

    public const string AfterShipEvent = """{"event_id":"6a1c1b9e-2f63-4f4e-9d4c-0f2a7d2f1e55","event":"tracking_update","is_tracking_first_tag":true,"ts":1772619300,"msg":{"id":"as_91ab","tracking_number":"1Z999AA10123456784","slug":"ups","tag":"Delivered","subtag":"Delivered_001","subtag_message":"Delivered","updated_at":"2026-03-04T10:15:00+00:00","checkpoints":[{"checkpoint_time":"2026-03-04T11:12:00","message":"Delivered, front door","tag":"Delivered","subtag":"Delivered_001","city":"Geneve","country_iso3":"CHE"}]}}""";

    public const string ShippoSecret = "shippo-secret";

    public const long ShippoTimestamp = 1772619300;

    public const string ShippoSignature = "t=1772619300,v1=ae48a1e2c79719e486a53a2199406ed85fed9d69930b7e090def0a6c55350f55";

    public const string ShippoTrackUpdated = """{"event":"track_updated","test":true,"data":{"carrier":"usps","tracking_number":"9400111206206406260787","tracking_status":{"object_id":"ts_1","status":"TRANSIT","status_details":"Out for delivery","status_date":"2026-03-04T07:40:00Z","substatus":{"code":"out_for_delivery","text":"Package is out for delivery","action_required":false},"location":{"city":"Brooklyn","state":"NY","zip":"11201","country":"US"}},"tracking_history":[{"status":"PRE_TRANSIT","status_details":"Label created","status_date":"2026-03-01T12:00:00Z","location":null},{"status":"TRANSIT","status_details":"Out for delivery","status_date":"2026-03-04T07:40:00Z","location":{"city":"Brooklyn","state":"NY","zip":"11201","country":"US"}}]}}""";

    public static byte[] Bytes(string body) => Encoding.UTF8.GetBytes(body);
}
