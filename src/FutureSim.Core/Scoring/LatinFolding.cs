using System.Collections.Frozen;
using System.Text;

namespace FutureSim.Core.Scoring;

/// <summary>
/// Lower-cases a character and removes its diacritics by a fixed table covering Latin-1, Latin Extended-A/B and
/// Latin Extended Additional, so that folding gives the same result on every machine. (The build runs with
/// invariant globalization, where <see cref="string.Normalize()"/> leaves non-ASCII text unchanged.)
/// Combining marks are not letters and are dropped by callers that keep only letters and digits.
/// </summary>
internal static class LatinFolding
{
    private const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿĀāĂăĄąĆćĈ"
        + "ĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎ"
        + "ŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƀƚƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘ"
        + "ǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰ"
        + "ȱȲȳɌɍḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺ"
        + "ḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺ"
        + "ṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀ"
        + "ềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    private const string Plain =
        "aaaaaaceeeeiiiinoooooouuuuyaaaaaaceeeeiiiinoooooouuuuyyaaaaaaccc"
        + "cccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjkkllllllllllnnnnnnooo"
        + "ooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzbloouuaaiioouuuuuu"
        + "uuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooo"
        + "oyyrraabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkklllll"
        + "lllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuu"
        + "uvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeee"
        + "eeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy";

    private static readonly FrozenDictionary<char, char> Table =
        Accented.Zip(Plain).ToFrozenDictionary(pair => pair.First, pair => pair.Second);

    /// <summary>Appends <paramref name="c"/> lower-cased and without diacritics; ß, æ, œ and þ become two letters.</summary>
    public static void AppendFolded(StringBuilder builder, char c)
    {
        if (c < 0x80)
        {
            builder.Append(char.ToLowerInvariant(c));
            return;
        }

        if (Table.TryGetValue(c, out var plain))
        {
            builder.Append(plain);
            return;
        }

        switch (c)
        {
            case 'ß' or 'ẞ':
                builder.Append("ss");
                break;
            case 'æ' or 'Æ':
                builder.Append("ae");
                break;
            case 'œ' or 'Œ':
                builder.Append("oe");
                break;
            case 'þ' or 'Þ':
                builder.Append("th");
                break;
            default:
                builder.Append(char.ToLowerInvariant(c));
                break;
        }
    }
}
