using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Shipping.Contracts;

public sealed record RateResponse(string Source, string Carrier, string Service, MoneyResponse Amount, int? EstimatedDays, string? RateId);
