namespace MakerShop.Web.Api.Contracts;

public sealed record AddressRequest(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Region, string? CountryCode);
