namespace MakerShop.Core;

/// <summary>A broken business rule. The host maps it to a ProblemDetails response, never to a 500.</summary>
public class DomainException : Exception
{
    public DomainException()
        : base("A domain rule was broken.")
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
