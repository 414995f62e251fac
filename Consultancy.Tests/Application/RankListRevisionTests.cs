using Consultancy.Application.Domain;

namespace Consultancy.Tests.Application;

/// <summary>How a rank order list's revision says what moved, and how typed positions reorder it.</summary>
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

    [Fact]
    public void One_typed_position_moves_that_program_there_and_the_others_keep_their_order()
    {
        var none = new Dictionary<int, int>();
        Assert.Equal([4, 1, 2, 3], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3, [4] = 1 }));
        Assert.Equal([2, 3, 1, 4], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [1] = 3 }));
        Assert.Equal([2, 3, 4, 1], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [1] = 99 }));
        Assert.Equal([1, 2, 3, 4], RankOrderList.WithTypedPositions([1, 2, 3, 4], none));
    }

    [Fact]
    public void A_whole_order_typed_in_is_that_order_and_two_programs_typed_to_one_place_keep_both()
    {
        Assert.Equal([3, 1, 4, 2], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [3] = 1, [1] = 2, [4] = 3, [2] = 4 }));
        Assert.Equal([2, 3, 4, 1], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [1] = 4, [4] = 4 }));
        Assert.Equal([3, 4, 1, 2], RankOrderList.WithTypedPositions([1, 2, 3, 4], new Dictionary<int, int> { [3] = 1, [4] = 1 }));
    }
}
