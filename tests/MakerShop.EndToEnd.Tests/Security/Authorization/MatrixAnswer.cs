namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>What the shop answered one request of the matrix.</summary>
public sealed record MatrixAnswer(string Method, string Target, int Status, Verdict Verdict, string? Location, string Body)
{
    public override string ToString() => $"{Method} {Target} -> {Status}{(Location is null ? "" : " to " + Location)}";
}
