namespace MakerShop.Web.Quotes;

/// <summary>The multipart body ended before its closing boundary: the upload was cut off mid-file. Answered 400.</summary>
public sealed class UploadCutOffException(Exception innerException)
    : Exception("The upload ended before the whole file arrived; send it again.", innerException);
