using System.Globalization;
using System.Text;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Notifications.Webhooks;

/// <summary>
/// The JSON body of a delivery: <c>{"id","type","created","data"}</c>. Built from the stored event alone, so every
/// attempt and every "send again" carries the same bytes and the same id (receivers deduplicate on it).
/// </summary>
public static class WebhookPayload
{
    public static string Build(ShopEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", record.EventId);
            json.WriteString("type", WebhookEvents.WireName(record.Type));
            json.WriteString("created", record.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WritePropertyName("data");
            json.WriteRawValue(record.DataJson, skipInputValidation: false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
