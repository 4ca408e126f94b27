namespace MakerShop.Geometry;

/// <summary>
/// A model or G-code file that cannot be read, with the reason in words a customer can act on
/// ("the file ends after 1200 of 3000 triangles"). Thrown for every kind of bad input, never a crash or a hang.
/// </summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException()
        : this(ModelProblem.Unreadable, "The file cannot be read.")
    {
    }

    public ModelFormatException(string message)
        : this(ModelProblem.Unreadable, message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = ModelProblem.Unreadable;
    }

    public ModelFormatException(ModelProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Problem = problem;
    }

    public ModelProblem Problem { get; }
}
