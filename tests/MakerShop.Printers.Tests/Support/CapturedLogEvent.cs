using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Tests.Support;

internal sealed record CapturedLogEvent(string Category, LogLevel Level, string Message, Exception? Exception);
