namespace MakerShop.Shipping.EasyPost;

// The subset of EasyPost's documented objects the shop sends and reads (fulfilment.md §1.1). Names become
// snake_case through ProviderJson; money amounts are strings, as EasyPost sends them.
#pragma warning disable CA1056, CA1002, CA2227 // wire shapes: URLs stay strings, lists are what the JSON holds

public sealed record EasyPostAddress(string Name, string Street1, string? Street2, string City, string? State, string Zip, string Country, string? Email, string? Phone);

public sealed record EasyPostParcel(double Length, double Width, double Height, double Weight);

public sealed record EasyPostCustomsItem(string Description, int Quantity, string Value, double Weight, string HsTariffNumber, string OriginCountry, string Currency, string? Code);

public sealed record EasyPostCustomsInfo(
    string ContentsType,
    bool CustomsCertify,
    string CustomsSigner,
    string NonDeliveryOption,
    string RestrictionType,
    string? EelPfc,
    IReadOnlyList<EasyPostCustomsItem> CustomsItems);

public sealed record EasyPostTaxIdentifier(string Entity, string TaxIdType, string TaxId, string IssuingCountry);

public sealed record EasyPostShipmentOptions(string? Incoterm, string? InvoiceNumber, string? LabelFormat = "PDF");

public sealed record EasyPostShipmentInput(
    EasyPostAddress ToAddress,
    EasyPostAddress FromAddress,
    EasyPostParcel Parcel,
    EasyPostCustomsInfo? CustomsInfo,
    IReadOnlyList<EasyPostTaxIdentifier>? TaxIdentifiers,
    EasyPostShipmentOptions? Options,
    string? Reference);

public sealed record EasyPostCreateShipment(EasyPostShipmentInput Shipment);

public sealed record EasyPostRateRef(string Id);

public sealed record EasyPostBuy(EasyPostRateRef Rate);

public sealed record EasyPostRate(string Id, string Carrier, string Service, string Rate, string Currency, int? DeliveryDays);

public sealed record EasyPostPostageLabel(string? LabelUrl, string? LabelPdfUrl = null);

public sealed record EasyPostTrackerRef(string Id, string? PublicUrl, string? Status);

public sealed record EasyPostShipment(
    string Id,
    string? TrackingCode,
    IReadOnlyList<EasyPostRate>? Rates,
    EasyPostRate? SelectedRate,
    EasyPostPostageLabel? PostageLabel,
    EasyPostTrackerRef? Tracker);
