namespace MakerShop.Core;

/// <summary>
/// Volumetric ("dimensional") weight: length × width × height in cm divided by the carrier's divisor, in kg.
/// Divisors differ per carrier and service (5000 for most express, 6000 for many postal, 139/166 in inches for USPS),
/// so the divisor always comes from the carrier's configuration.
/// </summary>
public static class VolumetricWeight
{
    public static double Grams(Size3 dimensionsMm, int divisorCm3PerKg)
    {
        if (divisorCm3PerKg <= 0)
        {
            throw new DomainValidationException("volumetricDivisor", "The volumetric divisor must be a positive number of cm³ per kg.");
        }

        var cubicCm = dimensionsMm.X / 10 * (dimensionsMm.Y / 10) * (dimensionsMm.Z / 10);
        return cubicCm / divisorCm3PerKg * 1000;
    }
}
