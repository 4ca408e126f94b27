namespace MakerShop.Printers.Reports;

/// <summary>
/// Error reasons the shop itself finds (not texts a printer sends), kept as stable codes so pages can say them in the
/// reader's language.
/// </summary>
public static class PrinterErrorReasons
{
    /// <summary>The printer's server answered 401/403: the API key the shop holds for it is missing, wrong or revoked.</summary>
    public const string ApiKeyRefused = "api-key-refused";

    /// <summary>A PrusaLink printer answered 401: the password the shop holds (PrusaLink's "API key" is that password) is wrong.</summary>
    public const string PrusaLinkPasswordRefused = "prusalink-password-refused";

    /// <summary>A Bambu Lab printer refused the access code the shop holds (MQTT "bad user name or password").</summary>
    public const string BambuAccessCodeRefused = "bambu-access-code-refused";

    /// <summary>A Bambu Lab printer presented another certificate than the one pinned at registration.</summary>
    public const string BambuCertificateChanged = "bambu-certificate-changed";

    /// <summary>A Bambu Lab printer answers but refuses control commands: LAN Only mode and Developer Mode must be on.</summary>
    public const string BambuDeveloperModeOff = "bambu-developer-mode-off";

    /// <summary>The codes a link refusal may carry in its reason; any other reason of a refused link is an API key's.</summary>
    public static bool IsLinkRefusal(string? reason) => reason is BambuAccessCodeRefused or BambuCertificateChanged;
}
