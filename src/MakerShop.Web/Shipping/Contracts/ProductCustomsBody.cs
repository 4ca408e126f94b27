namespace MakerShop.Web.Shipping.Contracts;

public sealed record ProductCustomsBody(string? HsCode, double? NetWeightGrams);
