namespace MakerShop.Web.Notifications;

/// <summary>A file sent with an e-mail (the payment QR code as a PNG).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
