namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>How the shop answered one request of the matrix.</summary>
public enum Verdict
{
    Allowed,
    Refused,
    ServerError,
    Throttled,
}
