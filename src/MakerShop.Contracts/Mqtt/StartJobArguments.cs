namespace MakerShop.Contracts.Mqtt;

/// <summary>What a bridge needs to fetch and verify a job's G-code before it prints it.</summary>
public sealed record StartJobArguments(string JobId, Uri GcodeUrl, string Sha256, long SizeBytes);
