namespace MakerShop.Core;

/// <summary>The rules a new print job (first attempt or retry) must satisfy before it can be queued.</summary>
internal static class PrintJobValidation
{
    public static void Validate(
        string id,
        string orderId,
        int unitIndex,
        string productId,
        string material,
        string colour,
        Size3 partSize,
        TimeSpan estimatedPrintTime,
        string gcodePath,
        long gcodeSizeBytes,
        int attempt,
        int maxAttempts)
    {
        Guard.NotBlank(id, "id", "The job id");
        Guard.NotBlank(orderId, "orderId", "The order id");
        Guard.NotBlank(productId, "productId", "The product id");
        Guard.NotBlank(material, "material", "The material");
        Guard.NotBlank(colour, "colour", "The colour");
        Guard.NotBlank(gcodePath, "gcodePath", "The G-code path");
        if (unitIndex < 0)
        {
            throw new DomainValidationException("unitIndex", "The unit index cannot be negative.");
        }

        if (!partSize.IsPositive)
        {
            throw new DomainValidationException("partSize", "The part size must be positive in every direction.");
        }

        if (estimatedPrintTime <= TimeSpan.Zero)
        {
            throw new DomainValidationException("estimatedPrintTime", "The estimated print time must be positive.");
        }

        if (gcodeSizeBytes <= 0)
        {
            throw new DomainValidationException("gcodeSizeBytes", "The G-code file cannot be empty.");
        }

        if (maxAttempts < 1)
        {
            throw new DomainValidationException("maxAttempts", "A job needs at least one attempt.");
        }

        if (attempt < 1 || attempt > maxAttempts)
        {
            throw new DomainValidationException("attempt", $"The attempt must be between 1 and {maxAttempts}.");
        }
    }

    public static string NormaliseSha256(string? sha256)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(char.IsAsciiHexDigit))
        {
            throw new DomainValidationException("gcodeSha256", "The G-code SHA-256 must be 64 hexadecimal characters.");
        }

        return Convert.ToHexStringLower(Convert.FromHexString(sha256));
    }
}
