namespace MakerShop.Web.Api.Contracts;

public sealed record CustomerRequest(string? Name, string? Email);
