namespace MakerShop.Printers.Bambu;

/// <summary>A file transfer to a Bambu Lab printer that did not complete, with the reason in words and whether trying again can help.</summary>
public sealed class BambuTransferException : Exception
{
    public BambuTransferException()
    {
    }

    public BambuTransferException(string message)
        : base(message)
    {
    }

    public BambuTransferException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BambuTransferException(string message, bool retryable, Exception? innerException = null)
        : base(message, innerException)
    {
        Retryable = retryable;
    }

    /// <summary>False for a wrong access code or a changed certificate: the same upload would fail the same way.</summary>
    public bool Retryable { get; }
}
