using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Security;

/// <summary>Request limits and browser protections; bound from <c>MakerShop:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "MakerShop:Security";

    /// <summary>
    /// The largest body a JSON API request may carry (orders, admin changes). Enforced before the body is read, so a
    /// 25 MB "name" is refused with 413 without being buffered. Endpoints that declare their own limit keep it.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long JsonApiMaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The Content-Security-Policy sent with every response. The pages still carry an import map and two small
    /// inline scripts, so the policy restricts framing, plugins and the base URL rather than scripts.</summary>
    [Required]
    public string ContentSecurityPolicy { get; set; } = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
}
