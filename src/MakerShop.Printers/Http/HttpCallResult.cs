namespace MakerShop.Printers.Http;

public sealed record HttpCallResult(HttpCallOutcome Outcome, string? Detail = null)
{
    public static readonly HttpCallResult Done = new(HttpCallOutcome.Done);
}
