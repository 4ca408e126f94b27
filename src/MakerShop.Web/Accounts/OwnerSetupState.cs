namespace MakerShop.Web.Accounts;

/// <summary>What the set-up page may do for a request.</summary>
public enum OwnerSetupState
{
    /// <summary>No owner yet and the token is the one the shop printed: the form is shown.</summary>
    Open,

    /// <summary>Missing or wrong token: the page answers as if it did not exist.</summary>
    NotFound,

    /// <summary>An owner exists: the page only says so, whatever token is sent.</summary>
    AlreadySetUp,
}
