using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Notifications;

/// <summary>Outgoing e-mail, bound from <c>MakerShop:Notifications</c>. With no SMTP host, mail is written as .eml files.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "MakerShop:Notifications";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "shop@makershop.example";

    public string FromName { get; set; } = "MakerShop";

    /// <summary>Where alerts for the shop owner go (customs holds, failed deliveries, returns).</summary>
    [Required]
    [EmailAddress]
    public string OwnerEmail { get; set; } = "owner@makershop.example";

    /// <summary>Folder under the data directory for .eml files when <see cref="SmtpOptions.Host"/> is empty.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS when the server offers it; set false only for a local relay.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    public string? Password { get; set; }
}
