using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Consultancy.Web.Infrastructure;

public enum FlashKind { Success, Error }

/// <summary>One-shot messages shown at the top of the next page (post/redirect/get).</summary>
public static class FlashMessages
{
    private const string Prefix = "Flash.";

    public static void Flash(this ITempDataDictionary tempData, FlashKind kind, string message) =>
        tempData[Prefix + kind] = message;

    public static void Success(this ITempDataDictionary tempData, string message) => tempData.Flash(FlashKind.Success, message);

    public static string? Take(this ITempDataDictionary tempData, FlashKind kind) => tempData[Prefix + kind] as string;
}
