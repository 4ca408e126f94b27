namespace MakerShop.Core;

/// <summary>What a CAMT.053 statement or CAMT.054 notification says about one account: the credits on it.</summary>
public sealed record BankStatement(string Kind, string? StatementId, string? AccountIban, IReadOnlyList<StatementCredit> Credits, int DebitCount);
