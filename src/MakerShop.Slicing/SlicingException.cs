namespace MakerShop.Slicing;

/// <summary>A slice that could not be made: the slicer refused the model, crashed, timed out, or a profile is missing.</summary>
public sealed class SlicingException : Exception
{
    public SlicingException()
        : base("The model could not be sliced.")
    {
    }

    public SlicingException(string message)
        : base(message)
    {
    }

    public SlicingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
