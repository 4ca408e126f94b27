namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>Who a route is for. Each value fixes, once, which callers of the matrix it lets in (see <see cref="AccessRules"/>).</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not: storefront pages, the catalog, sign-in, placing an order.</summary>
    Public,

    /// <summary>The customer holding the order's private key (<c>?key=</c>); everyone else, the owner included, gets a 404.</summary>
    OrderKey,

    /// <summary>Any signed-in maker; the route has no maker's resource in it (their own lists, the register form).</summary>
    Maker,

    /// <summary>A signed-in maker on their own resource; another maker's resource is a 404, and the owner is not a maker.</summary>
    MakerOwn,

    /// <summary>The owner or a maker (the fleet API); a maker's answer holds only their own printers and jobs.</summary>
    Staff,

    /// <summary>The owner: a signed-in owner session or the right owner key.</summary>
    Owner,

    /// <summary>A printer with its own device credentials, on a job assigned to it.</summary>
    Device,

    /// <summary>A provider's webhook: only its signature lets a request in, and no caller of the matrix has one.</summary>
    Webhook,

    /// <summary>A person signed in with a session, owner or maker, on their own account (changing their password); the owner key has no account.</summary>
    SignedIn,
}
