namespace MakerShop.Geometry;

public enum ModelFormat
{
    BinaryStl,
    AsciiStl,
    ThreeMf,
}
