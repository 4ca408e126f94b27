namespace MakerShop.Printers.Http;

public enum ObservedLink
{
    Answered,
    /// <summary>No answer: refused, reset or timed out.</summary>
    Unreachable,
    /// <summary>The server answered 401/403: the API key is missing or wrong.</summary>
    Unauthorized,
}
