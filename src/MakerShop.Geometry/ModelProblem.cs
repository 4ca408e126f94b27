namespace MakerShop.Geometry;

/// <summary>What is wrong with a file that could not be read; the API reports it as a stable code beside the message.</summary>
public enum ModelProblem
{
    Unreadable,
    UnknownFormat,
    Empty,
    Truncated,
    TriangleCountMismatch,
    InvalidNumber,
    Syntax,
    TooLarge,
    MissingModelPart,
    MissingBuild,
    BadReference,
    ZipBomb,
    DegenerateTransform,
    DegenerateGeometry,
    OutOfRange,
}
