using Consultancy.Application.Domain;

namespace Consultancy.Tests.Application;

/// <summary>How a rank order list's revision says what moved.</summary>
public sealed class RankListRevisionTests
{
    private static readonly Dictionary<int, string> Names = new() { [1] = "Alpha IM", [2] = "Beta IM", [3] = "Gamma IM", [4] = "Delta IM" };

    [Fact]
    public void A_move_names_only_the_program_moved_not_those_it_passed()
    {
        Assert.Equal("Gamma IM moved from 3 to 1", RankListRevision.Describe([1, 2, 3], [3, 1, 2], Names));
    }

    [Fact]
    public void Additions_and_removals_are_named_with_their_place()
    {
        Assert.Equal("added Delta IM at 2; removed Beta IM", RankListRevision.Describe([1, 2, 3], [1, 4, 3], Names));
        Assert.Equal("no change", RankListRevision.Describe([1, 2], [1, 2], Names));
    }
}
