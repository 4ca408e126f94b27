using System.ComponentModel.DataAnnotations;

namespace MakerShop.Storage;

/// <summary>Where the shop keeps its database and files; bound from <c>MakerShop:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "MakerShop:Storage";

    /// <summary>Relative paths are resolved against the host's content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    [RegularExpression(@"^[\w.-]+\.db$", ErrorMessage = "DatabaseFileName must be a plain file name ending in .db")]
    public string DatabaseFileName { get; set; } = "makershop.db";

    [Range(100, 60_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;
}
