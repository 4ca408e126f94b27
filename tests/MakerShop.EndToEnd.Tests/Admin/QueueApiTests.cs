using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Admin;

/// <summary>The owner's queue actions through the API, on a shop with no printer (so every job waits).</summary>
public sealed class QueueApiTests
{
    [Fact]
    public async Task A_waiting_job_is_cancelled_and_requeued_and_bad_requests_get_problem_details()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(quantity: 2));
        var jobId = await shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{orderId}' AND unit_index = 0");

        using var badPriority = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/priority", JsonContent.Create(new { priority = 5000 }));
        Assert.Equal(HttpStatusCode.BadRequest, badPriority.StatusCode);
        Assert.NotNull(JsonNode.Parse(await badPriority.Content.ReadAsStringAsync())!["errors"]!["priority"]);
        using var badMove = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/priority", JsonContent.Create(new { move = "sideways" }));
        Assert.Equal(HttpStatusCode.BadRequest, badMove.StatusCode);

        using var cancelled = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{orderId}' AND kind = 'NeedsAttention'"));

        using var again = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        using var requeued = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/requeue", null);
        Assert.Equal(HttpStatusCode.OK, requeued.StatusCode);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND unit_index = 0 AND attempt = 2 AND status = 'Queued'"));
        using var twice = await shop.Http.PostAsync($"/api/admin/jobs/{jobId}/requeue", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND unit_index = 0 AND attempt = 2"));

        using var unknown = await shop.Http.PostAsync("/api/admin/jobs/job_nope/requeue", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobCancelled' AND target = '{jobId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobRequeued' AND target = '{jobId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobCancelRefused' AND target = '{jobId}' AND detail LIKE '%Cancelled%'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobReprioritiseRefused' AND target = '{jobId}' AND detail LIKE '%between%'"));
    }

    [Fact]
    public async Task Moving_a_job_up_with_the_fifo_policy_swaps_it_with_exactly_the_job_above()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Scheduling:Policy=Fifo"] });
        var jobIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
            jobIds.Add((await shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{orderId}'"))!);
        }

        Assert.Equal(jobIds, await QueueOrderAsync(shop));

        using var up = await shop.Http.PostAsync($"/api/admin/jobs/{jobIds[2]}/priority", JsonContent.Create(new { move = "up" }));
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal([jobIds[0], jobIds[2], jobIds[1]], await QueueOrderAsync(shop));

        using var down = await shop.Http.PostAsync($"/api/admin/jobs/{jobIds[0]}/priority", JsonContent.Create(new { move = "down" }));
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal([jobIds[2], jobIds[0], jobIds[1]], await QueueOrderAsync(shop));
    }

    private static async Task<List<string>> QueueOrderAsync(TestShop shop)
    {
        var policy = shop.Services.GetRequiredService<ISchedulingPolicy>();
        var jobs = await shop.Services.GetRequiredService<PrintJobStore>().ListAsync(PrintJobStatus.Queued, 100);
        return [.. policy.QueueOrder(jobs, DateTimeOffset.UtcNow).Select(j => j.Id)];
    }

    [Fact]
    public async Task Spools_are_added_and_weighed_through_the_api_and_refused_when_they_make_no_sense()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());

        using var negative = await shop.Http.PostAsync("/api/admin/spools", JsonContent.Create(new { material = "PLA", colour = "black", brand = "Acme", gramsAtStart = -5 }));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull(JsonNode.Parse(await negative.Content.ReadAsStringAsync())!["errors"]!["gramsAtStart"]);
        using var noPrinter = await shop.Http.PostAsync("/api/admin/spools", JsonContent.Create(new { material = "PLA", colour = "black", brand = "Acme", gramsAtStart = 750, printerId = "nope" }));
        Assert.Equal(HttpStatusCode.BadRequest, noPrinter.StatusCode);
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM spools"));

        using var added = await shop.Http.PostAsync("/api/admin/spools", JsonContent.Create(new { material = "petg", colour = "Orange", brand = "Acme", gramsAtStart = 750 }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var spoolId = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var overWeighed = await shop.Http.PutAsync($"/api/admin/spools/{spoolId}", JsonContent.Create(new { gramsLeft = 800 }));
        Assert.Equal(HttpStatusCode.BadRequest, overWeighed.StatusCode);
        using var weighed = await shop.Http.PutAsync($"/api/admin/spools/{spoolId}", JsonContent.Create(new { gramsLeft = 120 }));
        Assert.Equal(HttpStatusCode.OK, weighed.StatusCode);

        var overview = JsonNode.Parse(await shop.Http.GetStringAsync("/api/admin/spools"))!;
        Assert.Equal(spoolId, overview["low"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("PETG", overview["spools"]![0]!["material"]!.GetValue<string>());
        Assert.Equal(120, overview["spools"]![0]!["gramsLeft"]!.GetValue<double>());
    }
}
