using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// Every route the host answers (read from its own endpoint data source) × every kind of caller, against the outcome
/// declared once per route in <see cref="RouteAccess"/>. A route nobody declared fails, and so does a declaration of a
/// route that is gone. The whole answer table is written to TEST_RESULTS_DIR/authorization-matrix.txt.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixShop fixture) : IClassFixture<AuthorizationMatrixShop>
{
    [Fact]
    public async Task Every_route_the_host_answers_is_declared_once_and_every_declaration_is_a_route_it_answers()
    {
        var answered = (await AppRoutes.ListAsync(fixture.Shop.Services)).Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        var declared = RouteAccess.Rules.Select(r => r.Route).ToList();
        var problems = new List<string>();

        problems.AddRange(answered.Where(r => !declared.Contains(r, StringComparer.Ordinal)).Order(StringComparer.Ordinal)
            .Select(r => $"{r}: answered by the host but has no declared outcome; add it to RouteAccess.Rules."));
        problems.AddRange(declared.Where(r => !answered.Contains(r)).Order(StringComparer.Ordinal)
            .Select(r => $"{r}: declared in RouteAccess.Rules but the host no longer answers it; remove or correct the line."));
        problems.AddRange(declared.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key}: declared {g.Count()} times."));
        problems.AddRange(RouteAccess.Rules.Where(r => Parameter().Count(r.Pattern) != r.Fill.Count)
            .Select(r => $"{r.Route}: {Parameter().Count(r.Pattern)} route parameter(s) but {r.Fill.Count} seed(s) to fill them."));
        problems.AddRange(RouteAccess.Rules.Where(r => r.OwnAnswer is not null && !AccessRules.RefusesByPolicy(r.Access))
            .Select(r => $"{r.Route}: an own answer ({r.OwnAnswer}) on a {r.Access} route could hide a refusal."));

        Assert.True(problems.Count == 0, "Route declarations do not match the host's routes:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task Every_route_lets_in_exactly_the_callers_its_declaration_names_and_refuses_the_others()
    {
        var seed = fixture.Seed;
        var routes = (await AppRoutes.ListAsync(fixture.Shop.Services)).ToDictionary(r => r.Route, StringComparer.Ordinal);
        using var caller = await MatrixCaller.CreateAsync(fixture.Shop, seed);
        var problems = new List<string>();
        var table = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var requests = 0;

        // Signing out ends the caller's session on the server, so it goes last: every other route still sees the sessions.
        var rules = RouteAccess.Rules.Where(r => routes.ContainsKey(r.Route))
            .OrderBy(r => r.Route == "POST /account/sign-out" ? 1 : 0).ToList();
        foreach (var rule in rules)
        {
            table.AppendLine(rule.ToString());
            foreach (var principal in Enum.GetValues<Principal>())
            {
                var answer = await caller.SendAsync(routes[rule.Route], rule, principal);
                requests++;
                table.AppendLine(CultureInfo.InvariantCulture, $"  {principal,-15} {answer} [{answer.Verdict}]");
                problems.AddRange(ProblemsOf(rule, principal, answer, seed));
            }
        }

        table.AppendLine(CultureInfo.InvariantCulture, $"{requests} requests in {clock.Elapsed.TotalSeconds:0.0} s");
        await WriteTableAsync(table.ToString());
        Assert.True(problems.Count == 0, $"{problems.Count} of {requests} answers break the declared access:\n" + string.Join('\n', problems));
        Assert.Equal(rules.Count * Enum.GetValues<Principal>().Length, requests);
    }

    private static IEnumerable<string> ProblemsOf(RouteRule rule, Principal principal, MatrixAnswer answer, MatrixSeed seed)
    {
        var expected = AccessRules.IsAllowed(rule.Access, principal) ? Verdict.Allowed : Verdict.Refused;
        if (answer.Verdict != expected)
        {
            yield return $"{rule} as {principal}: expected {expected}, got {answer.Verdict}: {answer}; {Excerpt(answer.Body)}";
        }

        if (principal != Principal.MakerOnOwn)
        {
            yield break;
        }

        // Maker B's printer and job never show in what the maker area and the fleet API show maker A...
        string[] makerBsIds = [seed.MakerB.Printer.PrinterId, seed.MakerB.JobId];
        if ((rule.Access is Access.Maker or Access.MakerOwn or Access.Staff) && makerBsIds.FirstOrDefault(id => answer.Body.Contains(id, StringComparison.Ordinal)) is { } leaked)
        {
            yield return $"{rule} as {principal}: maker A was shown maker B's {leaked}: {answer}";
        }

        // ...while their own printer does show, so the check above looks at a list that is really there.
        if ((rule.Route is "GET /api/printers" or "GET /maker" or "GET /maker/live") && !answer.Body.Contains(seed.MakerA.Printer.PrinterId, StringComparison.Ordinal))
        {
            yield return $"{rule} as {principal}: maker A's own printer is missing: {answer}; {Excerpt(answer.Body)}";
        }
    }

    private static string Excerpt(string body)
    {
        var flat = Regex.Replace(body, @"\s+", " ");
        return flat.Length <= 300 ? flat : flat[..300] + "…";
    }

    private static async Task WriteTableAsync(string table)
    {
        var folder = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? Path.Combine(RepoPaths.RepoRoot, "TestResults", "run-all");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "authorization-matrix.txt"), table);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
