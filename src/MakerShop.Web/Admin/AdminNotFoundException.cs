namespace MakerShop.Web.Admin;

/// <summary>The owner named an order, job, spool or product that does not exist: a 404, not a rule broken.</summary>
public sealed class AdminNotFoundException(string what) : Exception($"There is no {what}.");
