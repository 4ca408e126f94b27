namespace MakerShop.Printers.Reports;

/// <summary>
/// Error reasons the shop itself finds (not texts a printer sends), kept as stable codes so pages can say them in the
/// reader's language.
/// </summary>
public static class PrinterErrorReasons
{
    /// <summary>The printer's server answered 401/403: the API key the shop holds for it is missing, wrong or revoked.</summary>
    public const string ApiKeyRefused = "api-key-refused";
}
