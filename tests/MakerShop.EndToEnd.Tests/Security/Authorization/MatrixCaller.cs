using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Payments;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// Sends one route of the matrix as one principal. Cookies are set by hand on each request, so no answer (a sign-out,
/// a culture cookie) changes who the next request is. A page's POST carries the principal's own antiforgery token, so
/// it reaches the handler and the handler's own check (another maker's printer, a missing order key) is what answers;
/// an API's unsafe call carries a malformed JSON body, so an allowed caller gets a 400 and changes nothing, except on
/// the few routes without a body, which act on the spare order and job.
/// </summary>
public sealed partial class MatrixCaller : IDisposable
{
    private static readonly TimeSpan StreamReadTimeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly MatrixSeed _seed;
    private readonly Dictionary<Principal, Identity> _identities = [];

    private MatrixCaller(HttpClient http, MatrixSeed seed)
    {
        _http = http;
        _seed = seed;
    }

    public static async Task<MatrixCaller> CreateAsync(TestShop shop, MatrixSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var caller = new MatrixCaller(HttpSignIn.NewClient(shop), seed);
        foreach (var principal in Enum.GetValues<Principal>())
        {
            caller._identities[principal] = await caller.IdentityAsync(principal);
        }

        return caller;
    }

    public async Task<MatrixAnswer> SendAsync(AppRoute route, RouteRule rule, Principal principal)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(rule);
        var identity = _identities[principal];
        var other = principal is Principal.MakerOnOther or Principal.PrinterOnOther;
        var fill = new Queue<Seed>(rule.Fill);
        var path = Parameter().Replace(rule.Pattern, _ => Uri.EscapeDataString(_seed.Value(fill.Dequeue(), other)));
        var query = new List<string>();
        if (rule.Handler is { } handler)
        {
            query.Add("handler=" + Uri.EscapeDataString(handler));
        }

        if (principal == Principal.Customer)
        {
            query.Add("key=" + Uri.EscapeDataString(_seed.OrderKey));
        }

        var target = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        var method = rule.Method == "ANY" ? HttpMethod.Get : new HttpMethod(rule.Method);
        using var request = new HttpRequestMessage(method, target);
        var token = rule.Access == Access.Owner && identity.OwnerPagesToken is { } ownerToken ? ownerToken : identity.Token;
        Authenticate(request, identity, withAntiforgeryCookie: true);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
        {
            // As a browser on the shop's own pages sends it: the Origin check (cross-site requests) is tested on its own.
            request.Headers.Add("Origin", _http.BaseAddress!.GetLeftPart(UriPartial.Authority));
            request.Content = route.IsPage
                ? new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}{(rule.Form is null ? "" : "&" + rule.Form)}", Encoding.UTF8, "application/x-www-form-urlencoded")
                : new StringContent("{", Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await ReadAsync(response);
        return new MatrixAnswer(method.Method, target, (int)response.StatusCode, AccessRules.Read(rule, response), response.Headers.Location?.OriginalString, body);
    }

    private static void Authenticate(HttpRequestMessage request, Identity identity, bool withAntiforgeryCookie)
    {
        var cookies = new List<string>();
        if (identity.Session is not null)
        {
            cookies.Add(identity.Session);
        }

        if (withAntiforgeryCookie)
        {
            cookies.Add(identity.AntiforgeryCookie);
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies));
        }

        if (identity.OwnerKey is not null)
        {
            request.Headers.Add(OwnerKeyOptions.HeaderName, identity.OwnerKey);
        }

        if (identity.Device is not null)
        {
            request.Headers.Authorization = identity.Device;
        }

        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
    }

    // A live stream never ends: its first event is enough to see what it shows.
    private static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            return await response.Content.ReadAsStringAsync();
        }

        using var timeout = new CancellationTokenSource(StreamReadTimeout);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var text = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
            {
                text.AppendLine(line);
                if (line.Length == 0 && text.Length > 2)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            text.AppendLine("(no event within the read timeout)");
        }

        return text.ToString();
    }

    private async Task<Identity> IdentityAsync(Principal principal)
    {
        var identity = principal switch
        {
            Principal.MakerOnOwn or Principal.MakerOnOther => new Identity { Session = _seed.MakerASession },
            Principal.Owner => new Identity { Session = _seed.OwnerSession },
            Principal.OwnerKey => new Identity { OwnerKey = TestShopSettings.OwnerKey },
            Principal.WrongOwnerKey => new Identity { OwnerKey = AuthorizationMatrixShop.WrongOwnerKey },
            Principal.PrinterOnOwn or Principal.PrinterOnOther => new Identity { Device = _seed.MakerA.Printer.ToAuthorizationHeader() },
            _ => new Identity(),
        };

        // Antiforgery tokens belong to the signed-in user: each principal takes its own from a page with a form.
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        Authenticate(home, identity, withAntiforgeryCookie: false);
        using var homePage = await _http.SendAsync(home);
        identity = identity with
        {
            AntiforgeryCookie = HttpSignIn.CookiesOf(homePage).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)),
            Token = HttpSignIn.FormToken(await homePage.Content.ReadAsStringAsync()),
        };
        if (principal == Principal.OwnerKey)
        {
            // With the key, the owner's pages see the key's identity (the storefront does not authenticate it).
            using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
            Authenticate(admin, identity, withAntiforgeryCookie: true);
            using var adminPage = await _http.SendAsync(admin);
            identity = identity with { OwnerPagesToken = HttpSignIn.FormToken(await adminPage.Content.ReadAsStringAsync()) };
        }

        return identity;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    private sealed record Identity
    {
        public string? Session { get; init; }

        public string? OwnerKey { get; init; }

        public AuthenticationHeaderValue? Device { get; init; }

        public string AntiforgeryCookie { get; init; } = "";

        public string Token { get; init; } = "";

        public string? OwnerPagesToken { get; init; }
    }
}
