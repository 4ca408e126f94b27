using MakerShop.Web.Security;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Accounts;

/// <summary>Wrong owner keys per client address: the key guards every owner action, so it may be guessed only slowly.</summary>
public sealed class OwnerKeyThrottle(IOptions<OwnerKeyThrottleOptions> options, TimeProvider time)
{
    private readonly FailureThrottle _throttle = new(options.Value.FailuresPerWindow, TimeSpan.FromSeconds(options.Value.FailureWindowSeconds), time);

    public int Limit => _throttle.Limit;

    public int WindowSeconds => options.Value.FailureWindowSeconds;

    public bool IsBlocked(string address, out TimeSpan retryAfter) => _throttle.IsBlocked(address, out retryAfter);

    /// <summary>True when this wrong key is the one that blocks the address.</summary>
    public bool RecordFailure(string address) => _throttle.RecordFailure(address);
}
