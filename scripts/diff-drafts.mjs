// Large drafts and their edited copies for measuring `vanban diff` (scripts/diff-bench.mjs) and for
// the tests that count its work (test/diff/linear.test.ts). Deterministic: a seeded generator.

const WORDS = (
  'phát triển kinh tế văn hóa giáo dục đào tạo nguồn nhân lực chất lượng cao nông nghiệp công nghiệp ' +
  'du lịch dịch vụ hạ tầng giao thông đô thị môi trường biến đổi khí hậu an sinh xã hội y tế dân số ' +
  'khoa học công nghệ chuyển đổi số cải cách hành chính đầu tư công ngân sách thu chi quốc phòng an ninh ' +
  'biên giới tôn giáo dân tộc thanh niên phụ nữ cựu chiến binh công đoàn hợp tác xã doanh nghiệp ' +
  'tư nhân thương mại xuất khẩu thủy sản lúa gạo trái cây đất đai tài nguyên khoáng sản rừng phòng chống'
).split(' ');
const ACTIONS = ['Sơ kết', 'Tổng kết', 'Báo cáo', 'Cho ý kiến về', 'Xem xét'];
const AGENCIES = ['Văn phòng Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy', 'Ban Dân vận Tỉnh ủy'];

/** mulberry32: a small seeded generator, so every run measures the same drafts. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function itemMaker(seed) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  let k = 0;
  return {
    item() {
      k++;
      const words = Array.from({ length: 10 + Math.floor(rnd() * 7) }, () => pick(WORDS));
      // Every fourth item cites a document, as real ones often do.
      const cite = k % 4 === 0 ? ` theo Kết luận số ${k}-KL/TU` : '';
      return { text: `${pick(ACTIONS)} ${words.join(' ')}${cite} năm ${2000 + (k % 25)}.`, agency: pick(AGENCIES) };
    },
    /** One word of the text replaced by another. */
    reword(text) {
      const words = text.split(' ');
      const at = 2 + Math.floor(rnd() * 6);
      words[at] = pick(WORDS.filter((w) => w !== words[at]));
      return words.join(' ');
    },
  };
}

function render(conferences) {
  const out = [
    'TỈNH ỦY HẬU GIANG',
    'Số       -CTr/TU',
    'Dự thảo',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Hậu Giang, ngày     tháng    năm 2023',
    '',
    'CHƯƠNG TRÌNH',
    'Làm việc năm 2024 của Ban Chấp hành Đảng bộ tỉnh',
    'khóa XIV nhiệm kỳ 2020 - 2025',
    '-----',
    'I. MỤC ĐÍCH, YÊU CẦU',
    'Nâng cao hiệu quả lãnh đạo, chỉ đạo của Ban Chấp hành Đảng bộ tỉnh.',
    'II. NỘI DUNG VÀ THỜI GIAN',
  ];
  conferences.forEach((c, k) => {
    out.push(`${k + 1}. Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ ${k + 1} (tháng ${c.month}/2024)`);
    c.items.forEach((item, n) => out.push(`(${n + 1}) ${item.text}`, `Cơ quan chủ trì tham mưu: ${item.agency}.`));
  });
  out.push('III. TỔ CHỨC THỰC HIỆN', '1. Các cơ quan, đơn vị chủ động tổ chức thực hiện.', 'Nơi nhận:', '- Lưu VPTU.', 'T/M TỈNH ỦY');
  return `${out.join('\n')}\n`;
}

/** One conference of `n` items; the copy rewords every item (one word each). */
function items(n) {
  const make = itemMaker(n);
  const old = [{ month: 3, items: Array.from({ length: n }, () => make.item()) }];
  const neu = [{ month: 3, items: old[0].items.map((i) => ({ ...i, text: make.reword(i.text) })) }];
  return { old: render(old), neu: render(neu), expected: { edited: n } };
}

/**
 * `n` conferences of three items; the copy rewords every 7th item, drops every 11th, adds one to
 * every 13th conference (unless it lost one) and moves every 17th to another month.
 */
function conferences(n) {
  const make = itemMaker(n);
  const old = Array.from({ length: n }, (_, k) => ({ month: 1 + (k % 12), items: Array.from({ length: 3 }, () => make.item()) }));
  const expected = { edited: 0, removed: 0, added: 0, time: 0 };
  let flat = 0;
  const neu = old.map((c, k) => {
    const kept = [];
    let dropped = false;
    for (const item of c.items) {
      flat++;
      if (flat % 11 === 0) {
        expected.removed++;
        dropped = true;
      }
      else if (flat % 7 === 0) {
        expected.edited++;
        kept.push({ ...item, text: make.reword(item.text) });
      } else kept.push(item);
    }
    // Not where one was dropped: an item dropped and one added in its place is one item rewritten.
    if (k % 13 === 12 && !dropped) {
      expected.added++;
      kept.push(make.item());
    }
    if (k % 17 === 16) expected.time++;
    return { month: k % 17 === 16 ? 1 + ((c.month + 5) % 12) : c.month, items: kept };
  });
  return { old: render(old), neu: render(neu), expected };
}

/** The two drafts of a shape ("items" or "conferences") and the changes expected between them. */
export function drafts(shape, n) {
  if (shape === 'items') return items(n);
  if (shape === 'conferences') return conferences(n);
  throw new Error(`unknown shape ${shape}`);
}
