namespace MakerShop.Web.Pages.Admin;

/// <summary>One bank account form on the settings page: the saved values, or what was typed when the save failed.</summary>
public sealed record BankAccountForm(string Form, string? Currency, string Holder, string Iban, string Bic, string BankName, SettingsModel Page)
{
    public bool Failed => Page.AccountFormFor == Form;

    public string Value(string field, string saved) => Failed && Page.AccountTyped.TryGetValue(field, out var typed) ? typed : saved;

    public string? Problem(string field) => Failed && Page.AccountProblems.TryGetValue(field, out var problem) ? problem : null;
}
