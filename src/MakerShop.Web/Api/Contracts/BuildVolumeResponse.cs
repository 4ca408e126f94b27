namespace MakerShop.Web.Api.Contracts;

public sealed record BuildVolumeResponse(double X, double Y, double Z);
