namespace MakerShop.Web.Notifications;

/// <summary>A plain-text e-mail to one recipient, with optional attachments.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string TextBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
