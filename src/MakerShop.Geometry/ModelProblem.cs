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

    /// <summary>Prusa's binary G-code (<c>GCDE</c>): a sliced print in a container the shop does not read yet.</summary>
    BinaryGcode,
}
