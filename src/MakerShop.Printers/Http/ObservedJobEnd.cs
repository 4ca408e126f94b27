namespace MakerShop.Printers.Http;

/// <summary>How the file the server still shows ended, when the server says so.</summary>
public enum ObservedJobEnd
{
    None,
    Completed,
    Cancelled,
    Failed,
}
