namespace MakerShop.Core;

/// <summary>
/// Invalid input, named by the JSON path the client sent (e.g. "lines[0].quantity") so the API can put
/// it straight into a ValidationProblemDetails errors dictionary.
/// </summary>
public sealed class DomainValidationException : DomainException
{
    public DomainValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public string Field { get; }
}
