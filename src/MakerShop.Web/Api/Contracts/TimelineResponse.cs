namespace MakerShop.Web.Api.Contracts;

public sealed record TimelineResponse(DateTimeOffset At, string Kind, string? Detail, string? JobId, string? PrinterId);
