namespace MakerShop.Core;

/// <summary>A file that is not a bank statement the shop can read; the message says why, in words for the owner.</summary>
public sealed class StatementFormatException : DomainException
{
    public StatementFormatException(string message)
        : base(message)
    {
    }

    public StatementFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
