namespace MakerShop.Core.Quotes;

/// <summary>The production queue as a quote sees it: print time still to do, and how many printers share it.</summary>
public sealed record QueueLoad(TimeSpan RemainingPrintTime, int Printers);
