namespace MakerShop.Shipping.Shippo;

// The subset of Shippo's documented objects the shop sends and reads (fulfilment.md §1.2); amounts and measures are strings.
#pragma warning disable CA1056, CA1002, CA2227

public sealed record ShippoAddress(string Name, string Street1, string? Street2, string City, string? State, string Zip, string Country, string? Email);

public sealed record ShippoParcel(string Length, string Width, string Height, string DistanceUnit, string Weight, string MassUnit);

public sealed record ShippoCustomsItem(string Description, int Quantity, string NetWeight, string MassUnit, string ValueAmount, string ValueCurrency, string OriginCountry, string TariffNumber, string? SkuCode);

public sealed record ShippoTaxId(string Number, string Type);

public sealed record ShippoExporterIdentification(string? EoriNumber, ShippoTaxId? TaxId);

public sealed record ShippoCustomsDeclaration(
    bool Certify,
    string CertifySigner,
    string ContentsType,
    string NonDeliveryOption,
    string Incoterm,
    string? Invoice,
    ShippoExporterIdentification? ExporterIdentification,
    IReadOnlyList<ShippoCustomsItem> Items);

public sealed record ShippoShipmentRequest(
    ShippoAddress AddressFrom,
    ShippoAddress AddressTo,
    IReadOnlyList<ShippoParcel> Parcels,
    ShippoCustomsDeclaration? CustomsDeclaration,
    string? Metadata,
    bool Async);

public sealed record ShippoServiceLevel(string? Name, string? Token);

public sealed record ShippoRate(string ObjectId, string Amount, string Currency, string Provider, ShippoServiceLevel? Servicelevel, int? EstimatedDays);

public sealed record ShippoShipment(string ObjectId, string? Status, IReadOnlyList<ShippoRate>? Rates);

public sealed record ShippoTransactionRequest(string Rate, string LabelFileType, bool Async);

public sealed record ShippoTransaction(string ObjectId, string Status, string? TrackingNumber, string? TrackingUrlProvider, string? LabelUrl);
