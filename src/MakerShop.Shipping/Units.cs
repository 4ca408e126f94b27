namespace MakerShop.Shipping;

/// <summary>The shop keeps grams and millimetres; EasyPost wants ounces and inches.</summary>
internal static class Units
{
    public static double Ounces(double grams) => Math.Round(grams / 28.349523125, 3, MidpointRounding.AwayFromZero);

    public static double Inches(double millimetres) => Math.Round(millimetres / 25.4, 2, MidpointRounding.AwayFromZero);
}
