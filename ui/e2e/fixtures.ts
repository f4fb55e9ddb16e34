// Fixture JSON in the shapes of docs/api.md, for the mock server and the mock e2e test.
// The main story mirrors /work/shared/samples (Tagesschau + Al Jazeera on the first
// Blinken–Lavrov call), plus a Chinese and an Arabic outlet to exercise CJK/RTL rendering.
import type { Story, ThreadSummary } from '../src/types';

export const NOW = '2022-07-29T18:10:00Z';

export const STORY: Story = {
  id: 't-blinken-lavrov',
  title: 'First phone call since the war: Blinken has an "open" conversation with Lavrov',
  first_seen: '2022-07-27T09:40:00Z',
  last_seen: '2022-07-29T17:30:00Z',
  languages: ['ar', 'en', 'zh'],
  importance: 0.92,
  outlets: [
    {
      source: 'Tagesschau (de)',
      articles: [
        {
          id: 'tagesschau-000',
          title: 'First phone call since the war: Blinken has an "open" conversation with Lavrov',
          lede: 'After months of radio silence, it is the first conversation between the two chief diplomats: US Secretary of State Blinken calls his Russian counterpart Lavrov.',
          lang: 'en',
          published: '2022-07-29T17:30:00Z',
          url: 'https://www.tagesschau.de/ausland/amerika/blinken-lawrow-telefonat-101.html',
          joined: {
            // Story-level and pairwise figures differ, so the UI must not mix them up.
            probability: 0.91,
            matched_article: 'aljazeera-001',
            matched_probability: 0.87,
            shared_entities: ['Blinken', 'Lavrov', 'Griner', 'Whelan', 'Bout'],
            shared_terms: ['prisoner', 'exchange', 'phone call', 'offer'],
          },
        },
      ],
    },
    {
      source: 'Al Jazeera (ar)',
      articles: [
        {
          id: 'aljazeera-001',
          title: 'US Secretary of State Anthony Blinken announced that his country had made an offer to Russia to release two American prisoners',
          lede: 'Blinken revealed that he would speak by phone to his Russian counterpart Sergey Lavrov in the coming days. On the other hand, the Russian Foreign Ministry denied knowledge of this anticipated call.',
          lang: 'en',
          published: '2022-07-27T09:40:00Z',
          url: 'https://www.aljazeera.net/news/politics/2022/7/27/blinken-lavrov',
          joined: {
            founder: true,
            probability: 1,
            matched_article: 'tagesschau-000',
            matched_probability: 0.91,
            shared_entities: ['Blinken', 'Lavrov', 'Greiner', 'Whelan', 'Bout'],
            shared_terms: ['prisoner', 'exchange', 'phone call', 'offer'],
          },
        },
      ],
    },
    {
      source: '新华社 Xinhua (zh)',
      articles: [
        {
          id: 'xinhua-002',
          title: '布林肯与拉夫罗夫通电话 讨论交换被拘押人员',
          lede: '美国国务卿布林肯29日与俄罗斯外长拉夫罗夫通电话，这是俄乌冲突爆发以来两国外长首次通话。',
          lang: 'zh',
          published: '2022-07-29T18:05:00Z',
          url: 'https://www.news.cn/world/2022-07/30/c_1128876543.htm',
          joined: {
            probability: 0.78,
            matched_article: 'tagesschau-000',
            shared_entities: ['Blinken', 'Lavrov'],
            shared_terms: ['phone call'],
          },
        },
      ],
    },
    {
      source: 'BBC عربي',
      articles: [
        {
          id: 'bbcarabic-003',
          title: 'بلينكن يجري أول اتصال هاتفي مع لافروف منذ بدء الحرب في أوكرانيا',
          lede: 'قال وزير الخارجية الأمريكي إنه حث نظيره الروسي على قبول العرض الأمريكي للإفراج عن بريتني غرينر وبول ويلان.',
          lang: 'ar',
          published: '2022-07-29T18:10:00Z',
          url: null,
          joined: {
            probability: 0.84,
            matched_article: 'tagesschau-000',
            shared_entities: ['Blinken', 'Lavrov', 'Griner'],
            shared_terms: ['offer'],
          },
        },
      ],
    },
  ],
  timeline: [
    { time: '2022-07-27T09:40:00Z', article: 'aljazeera-001', source: 'Al Jazeera (ar)', title: 'US Secretary of State Anthony Blinken announced that his country had made an offer to Russia to release two American prisoners' },
    { time: '2022-07-29T17:30:00Z', article: 'tagesschau-000', source: 'Tagesschau (de)', title: 'First phone call since the war: Blinken has an "open" conversation with Lavrov' },
    { time: '2022-07-29T18:05:00Z', article: 'xinhua-002', source: '新华社 Xinhua (zh)', title: '布林肯与拉夫罗夫通电话 讨论交换被拘押人员' },
    { time: '2022-07-29T18:10:00Z', article: 'bbcarabic-003', source: 'BBC عربي', title: 'بلينكن يجري أول اتصال هاتفي مع لافروف منذ بدء الحرب في أوكرانيا' },
  ],
  // Keys are match keys, as the server sends them; the UI shows the most used form.
  variants: [
    { key: 'blnkn', kind: 'person', verdict: 'same form', forms: [{ surface: 'Blinken', articles: ['tagesschau-000', 'aljazeera-001'] }] },
    {
      key: 'grnr',
      kind: 'person',
      verdict: 'spelling variants',
      forms: [
        { surface: 'Brittney Griner', articles: ['tagesschau-000'] },
        { surface: 'Griner', articles: ['tagesschau-000', 'bbcarabic-003'] },
        { surface: 'Britney Greiner', articles: ['aljazeera-001'] },
        { surface: 'Greiner', articles: ['aljazeera-001'] },
      ],
    },
    {
      key: 'antn blnkn',
      kind: 'person',
      verdict: 'spelling variants',
      forms: [
        { surface: 'Antony Blinken', articles: ['tagesschau-000'] },
        { surface: 'Anthony Blinken', articles: ['aljazeera-001'] },
      ],
    },
    {
      key: 'lfrf',
      kind: 'person',
      verdict: 'spelling variants',
      forms: [
        { surface: 'Sergei Lavrov', articles: ['tagesschau-000'] },
        { surface: 'Sergey Lavrov', articles: ['aljazeera-001'] },
      ],
    },
    {
      key: 'bt',
      kind: 'person',
      verdict: 'spelling variants',
      forms: [
        { surface: 'Viktor Bout', articles: ['tagesschau-000'] },
        { surface: 'Victor Bout', articles: ['aljazeera-001'] },
      ],
    },
    {
      key: 'C:US',
      kind: 'place',
      verdict: 'short and full forms',
      forms: [
        { surface: 'US', articles: ['tagesschau-000', 'aljazeera-001'] },
        { surface: 'United States', articles: ['aljazeera-001'] },
      ],
    },
    {
      key: 'bdn',
      kind: 'person',
      verdict: 'possibly different people',
      forms: [
        { surface: 'Joe Biden', articles: ['aljazeera-001'] },
        { surface: 'Hunter Biden', articles: ['bbcarabic-003'] },
      ],
    },
    { key: 'lvrv', kind: 'person', verdict: 'same form', forms: [{ surface: 'Lavrov', articles: ['tagesschau-000', 'aljazeera-001', 'bbcarabic-003'] }] },
    { key: 'mscw', kind: 'place', verdict: 'same form', forms: [{ surface: 'Moscow', articles: ['tagesschau-000', 'aljazeera-001'] }] },
    { key: 'fln', kind: 'person', verdict: 'same form', forms: [{ surface: 'Paul Whelan', articles: ['tagesschau-000', 'aljazeera-001'] }] },
  ],
};

// Arabic article ids of equal length (they shared one element id when every non-ASCII
// character became '_'), links the UI must not make clickable ("javascript:", and "" which the
// server sends when the url is unknown), and more shared names than fit before "+N more".
export const STORY_IRAQ: Story = {
  id: 't-iraq-parliament',
  title: 'متظاهرون يقتحمون البرلمان العراقي في بغداد',
  first_seen: '2022-07-27T16:00:00Z',
  last_seen: '2022-07-29T11:05:00Z',
  languages: ['ar', 'en'],
  importance: 0.64,
  outlets: [
    {
      source: 'الجزيرة',
      articles: [
        {
          id: 'خبر-١',
          title: 'متظاهرون يقتحمون البرلمان العراقي في بغداد',
          lede: 'اقتحم مئات من أنصار التيار الصدري مبنى البرلمان في المنطقة الخضراء.',
          lang: 'ar',
          published: '2022-07-27T16:00:00Z',
          url: 'javascript:alert(1)',
          joined: { founder: true, probability: 1, matched_article: 'خبر-٢', matched_probability: 0.8 },
        },
        {
          id: 'خبر-٢',
          title: 'أنصار الصدر يعتصمون داخل البرلمان',
          lede: 'أعلن المتظاهرون اعتصاما مفتوحا داخل مبنى البرلمان.',
          lang: 'ar',
          published: '2022-07-29T11:05:00Z',
          url: '',
          joined: {
            probability: 0.83,
            matched_article: 'خبر-١',
            matched_probability: 0.8,
            shared_entities: ['الصدر', 'بغداد', 'البرلمان', 'المنطقة الخضراء', 'الكاظمي', 'السوداني', 'الإطار التنسيقي', 'العراق', 'التيار الصدري', 'الحلبوسي'],
            shared_terms: ['اعتصام', 'متظاهرون'],
          },
        },
      ],
    },
    {
      source: 'Reuters',
      articles: [
        {
          id: 'reuters-7',
          title: 'Protesters storm Iraq parliament in Baghdad',
          lang: 'en',
          published: '2022-07-27T18:00:00Z',
          url: 'https://www.reuters.com/world/middle-east/iraq-parliament',
          joined: { probability: 0.77, matched_article: 'خبر-١', matched_probability: 0.74, shared_entities: ['Baghdad'], shared_terms: [] },
        },
      ],
    },
  ],
  timeline: [
    { time: '2022-07-27T16:00:00Z', article: 'خبر-١', source: 'الجزيرة', title: 'متظاهرون يقتحمون البرلمان العراقي في بغداد' },
    { time: '2022-07-27T18:00:00Z', article: 'reuters-7', source: 'Reuters', title: 'Protesters storm Iraq parliament in Baghdad' },
    { time: '2022-07-29T11:05:00Z', article: 'خبر-٢', source: 'الجزيرة', title: 'أنصار الصدر يعتصمون داخل البرلمان' },
  ],
  variants: [],
};

const summary = (s: Story): ThreadSummary => ({
  id: s.id,
  title: s.title,
  articles: s.outlets.reduce((n, o) => n + o.articles.length, 0),
  sources: s.outlets.length,
  languages: s.languages ?? [],
  first_seen: s.first_seen,
  last_seen: s.last_seen,
  importance: s.importance,
  top_sources: s.outlets.map((o) => o.source),
});

export const THREADS: ThreadSummary[] = [
  summary(STORY),
  {
    id: 't-grain-deal',
    title: 'First grain ship expected to leave Odesa under UN-brokered deal',
    articles: 14,
    sources: 9,
    languages: ['de', 'en', 'fr', 'uk'],
    first_seen: '2022-07-28T06:00:00Z',
    last_seen: '2022-07-29T15:20:00Z',
    importance: 0.81,
    top_sources: ['Reuters', 'Le Monde', 'Ukrainska Pravda', 'Deutsche Welle', 'BBC News'],
  },
  {
    id: 't-taiwan-call',
    title: '拜登与习近平通话两小时 谈及台湾问题',
    articles: 11,
    sources: 7,
    languages: ['en', 'ja', 'zh'],
    first_seen: '2022-07-28T13:00:00Z',
    last_seen: '2022-07-29T09:45:00Z',
    importance: 0.77,
    top_sources: ['新华社', 'NHK', 'The Guardian', 'South China Morning Post'],
  },
  {
    id: 't-iraq-parliament',
    title: 'متظاهرون يقتحمون البرلمان العراقي في بغداد',
    articles: 6,
    sources: 5,
    languages: ['ar', 'en'],
    first_seen: '2022-07-27T16:00:00Z',
    last_seen: '2022-07-29T11:05:00Z',
    importance: 0.64,
    top_sources: ['Al Jazeera', 'BBC عربي', 'Reuters'],
  },
  {
    id: 't-fed-rates',
    title: 'Fed raises interest rates by 0.75 points for the second time in a row',
    articles: 8,
    sources: 6,
    languages: ['de', 'en', 'es'],
    first_seen: '2022-07-27T18:00:00Z',
    last_seen: '2022-07-28T08:30:00Z',
    importance: 0.58,
    top_sources: ['Handelsblatt', 'CNBC', 'El País'],
  },
  {
    id: 't-heatwave',
    title: 'Hitzewelle: Waldbrände in Brandenburg und Sachsen',
    articles: 4,
    sources: 3,
    languages: ['de'],
    first_seen: '2022-07-25T10:00:00Z',
    last_seen: '2022-07-26T19:00:00Z',
    importance: 0.31,
    top_sources: ['Tagesschau', 'MDR', 'rbb24'],
  },
];

export const STORIES: Record<string, Story> = { [STORY.id]: STORY, [STORY_IRAQ.id]: STORY_IRAQ };
