namespace MakerShop.Web.Quotes.Contracts;

public sealed record MaterialAvailabilityResponse(string Material, bool LoadedOnAFittingPrinter);
